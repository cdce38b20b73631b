import { Fragment } from 'react';
import { layoutTitle } from '@/lib/layout/title';

/** An item title in its printed lines (lib/layout/title.ts), for headings on screen. */
export function TitleLines({ title }: { title: string }) {
  return layoutTitle(title).map((line, index) => (
    <Fragment key={index}>
      {index > 0 && <br />}
      {line}
    </Fragment>
  ));
}
