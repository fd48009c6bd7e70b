/**
 * The role every request's work runs as: owns nothing, cannot bypass row-level security.
 * Migrations run as the connecting (owner) role and grant this one what it may do.
 */
export const APP_ROLE = 'kindred_app';
