/** The message under a form field; its id is what the field's aria-describedby points to. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs text-danger" role="alert">
      {messages.join('；')}
    </p>
  );
}
