import type { Catalogue } from '../../core/i18n.ts';
import type { reviewsEn } from './en.ts';

export const reviewsEs: Catalogue<typeof reviewsEn> = {
  reviewsHeading: 'Opiniones de clientes',
  reviewsLoading: 'Cargando opiniones…',
  reviewsStarsLabel: '{rating} de 5 estrellas',
  reviewsAverageLabel: { one: '{rating} de 5 estrellas, 1 opinión', other: '{rating} de 5 estrellas, {n} opiniones' },
  reviewsCount: { one: '1 opinión', other: '{n} opiniones' },
  reviewsBreakdownButton: 'Ver el desglose de valoraciones',


  reviewsLoaded: { zero: 'No hay opiniones que mostrar.', one: 'Se muestra 1 opinión.', other: 'Se muestran {n} opiniones.' },
  reviewsMoreLoaded: { one: 'Se cargó 1 opinión más.', other: 'Se cargaron {n} opiniones más.' },
  loadMoreReviews: 'Cargar más opiniones',
  reviewsEmptyTitle: 'Todavía no hay opiniones: sé la primera persona',
  reviewsEmptyHint: '¿Has probado este producto? Tu experiencia puede ayudar a alguien en una situación parecida.',
  reviewsProductNotFoundTitle: 'Las opiniones no están disponibles para este producto',
  reviewsProductNotFoundHint: 'Es posible que este producto aún no figure en nuestra comunidad.',

  reviewVerified: 'Compra verificada',
  reviewAttributesLabel: 'Situación de salud',
  reviewHelpful: { zero: 'Útil', one: 'Útil (1)', other: 'Útil ({n})' },
  reviewHelpfulCount: { zero: 'Aún sin votos', one: 'A 1 persona le resultó útil', other: 'A {n} personas les resultó útil' },
  reviewHelpfulSignIn: 'Inicia sesión en este sitio web para votar.',
  reviewMerchantReply: 'Respuesta de la tienda',
  reviewPublishedOn: 'Opinión del {date}',

  reviewWrite: 'Escribir una opinión',
  reviewWriteSignIn: 'Inicia sesión en este sitio web para escribir una opinión.',

  questionsHeading: 'Preguntas y respuestas',
  questionsLoading: 'Cargando preguntas…',
};
