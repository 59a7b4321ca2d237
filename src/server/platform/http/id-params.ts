// The `:id` path parameter every route with a numeric id takes: a positive whole number JavaScript
// holds exactly (ids are bigint in the database and parsed to numbers, ADR 0001).
import { z } from 'zod';

export const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
});
