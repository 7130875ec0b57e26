/** The sentences about one field, next to it (the field points here with aria-describedby). */
export function FieldMessages({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {messages.join(' ')}
    </p>
  );
}
