/** Input fields every content write shares. */
import { z } from 'zod';

/** The author saw the personal details the API found (PERSONAL_DETAILS_FOUND) and posts anyway. */
export const confirmPersonalDetails = z.boolean().default(false);
