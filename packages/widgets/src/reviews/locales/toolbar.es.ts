import type { Catalogue } from '../../core/i18n.ts';
import type { reviewsToolbarEn } from './toolbar.en.ts';

export const reviewsToolbarEs: Catalogue<typeof reviewsToolbarEn> = {
  reviewsSortLabel: 'Ordenar por',
  reviewsSortHelpful: 'Más útiles',
  reviewsSortNewest: 'Más recientes',
  reviewsSortHighest: 'Mejor valoradas',
  reviewsSortLowest: 'Peor valoradas',
  reviewsRatingLabel: 'Valoración',
  reviewsRatingAny: 'Todas las valoraciones',
  reviewsRatingOption: { one: '1 estrella', other: '{count} estrellas' },
  reviewsAttributeLabel: 'Situación de salud',
  reviewsAttributeAny: 'Todas las personas',
  reviewsPeopleLikeMe: 'Personas como yo',
  reviewsNoMatchTitle: 'Ninguna opinión coincide con estos filtros',
  reviewsNoMatchHint: 'Prueba con otra valoración u otra situación de salud.',
  reviewsNoPeopleLikeMe: 'Todavía no hay opiniones de personas que compartan tu situación de salud.',
  reviewsClearFilters: 'Ver todas las opiniones',
};
