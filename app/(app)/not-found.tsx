import { NotFoundMessage } from '@/components/shell/not-found-message';

/** notFound() in a signed-in page (a record or an area outside the user's roles): inside the shell's main. */
export default function NotFound() {
  return <NotFoundMessage />;
}
