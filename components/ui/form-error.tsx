/** A form-level refusal from the server (field errors go next to their fields). */
export function FormError({ message, className }: { message?: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={className ?? 'text-sm text-danger'}>
      {message}
    </p>
  );
}
