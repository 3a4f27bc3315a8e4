// A form's error line, announced to screen readers as it appears; nothing when there is no error.

/** The message under a form, or nothing. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="msd-field__error" role="alert">
      {message}
    </p>
  );
}
