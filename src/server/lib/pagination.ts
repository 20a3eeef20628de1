import { z } from 'zod';

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1, '页码从1开始').default(1),
  pageSize: z.coerce.number().int().min(1, '每页条数至少为1').max(200, '每页条数不能超过200').default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const pageOffset = (q: PageQuery) => (q.page - 1) * q.pageSize;

export function Paged<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
