import type { ItemDetail } from '@/lib/data/items';
import { TitleLines } from '@/components/items/title-lines';
import { renderBodyHtml } from '@/lib/render-body';

/** The item as the bulletin prints it. The body HTML comes from renderBodyHtml (escaped). */
export function ItemPreview({ item }: { item: Pick<ItemDetail, 'title' | 'subtitle' | 'body' | 'sources'> & { section: { name: string } } }) {
  return (
    <article className="mx-auto max-w-2xl rounded-lg border border-border bg-white px-10 py-8" data-testid="item-preview">
      <p className="mb-4 text-sm text-muted-foreground">【{item.section.name}】</p>
      <h2 className="text-center text-xl font-bold leading-relaxed">
        <TitleLines title={item.title} />
      </h2>
      {item.subtitle && <p className="mt-1 text-center">{item.subtitle}</p>}
      <div
        className="item-body mt-4 text-justify text-lg leading-loose [&_p]:indent-[2em]"
        // Safe: renderBodyHtml writes all markup itself and escapes every text node.
        dangerouslySetInnerHTML={{ __html: renderBodyHtml(item.body, item.sources) }}
      />
    </article>
  );
}
