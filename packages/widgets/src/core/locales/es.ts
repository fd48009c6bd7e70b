import type { Catalogue } from '../i18n.ts';

export const es: Catalogue = {
  justNow: 'ahora mismo',
  loadingMore: 'Cargando…',
  cancel: 'Cancelar',
  close: 'Cerrar',
  retry: 'Reintentar',
  errorNetwork: 'No pudimos conectar. Revisa tu conexión a internet e inténtalo de nuevo.',
  errorUnavailable: 'La comunidad no está disponible en este momento. Inténtalo de nuevo en unos minutos.',
  errorNotFound: 'No encontramos esta conversación. Es posible que se haya eliminado.',
  errorGeneric: 'Algo salió mal por nuestra parte. Inténtalo de nuevo.',
  actionFailed: 'No funcionó. Inténtalo de nuevo.',
  errorForbidden: 'Esta acción no está disponible para ti.',
  errorMembershipRequired: 'Únete a este grupo para participar.',
  errorSlowDown: 'Vas un poco rápido. Espera un momento y vuelve a intentarlo.',
  errorMemberBanned: 'Tu cuenta no puede participar en esta comunidad.',
};
