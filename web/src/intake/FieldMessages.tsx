/**
 * The sentences about one field, next to it (the field points here with aria-describedby). `alert` announces them at
 * once: right for a small form's one or two messages; a long form announces its summary instead.
 */
export function FieldMessages({ id, messages, alert = false }: { id: string; messages?: string[]; alert?: boolean }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={id} className="field-error" role={alert ? 'alert' : undefined}>
      {messages.join(' ')}
    </p>
  );
}
