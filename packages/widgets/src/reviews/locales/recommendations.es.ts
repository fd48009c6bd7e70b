import type { Catalogue } from '../../core/i18n.ts';
import type { recommendationsEn } from './recommendations.en.ts';

export const recommendationsEs: Catalogue<typeof recommendationsEn> = {
  recHeading: 'Recomendado por personas como tú',
  recLoading: 'Cargando recomendaciones…',
  recAverage: '{rating} de 5 estrellas',
  recFromReviews: { one: 'de 1 opinión', other: 'de {n} opiniones' },
  recEmptyTitle: 'Todavía no hay recomendaciones',
  recEmptyHint: 'Los productos aparecen aquí cuando suficientes personas los han valorado.',
};
