import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface EmlDropzoneProps {
  busy: boolean;
  onFiles: (files: File[]) => void;
}

/**
 * Drop an .eml file or choose one: the file input stays a real, focusable control so the keyboard and
 * screen readers get the browser's own chooser; the surrounding area only adds drag-and-drop.
 */
export function EmlDropzone({ busy, onFiles }: EmlDropzoneProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    setOver(true);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (!busy) onFiles([...event.dataTransfer.files]);
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside is the keyboard path.
    <div
      className={`dropzone${over ? ' dropzone-over' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="shield-dropzone"
    >
      <p className="dropzone-title" aria-hidden="true">
        {t('shield.emails.dropzone')}
      </p>
      <div className="field">
        <label htmlFor="shield-eml-input">{t('shield.emails.choose')}</label>
        <input
          id="shield-eml-input"
          type="file"
          accept=".eml,message/rfc822"
          disabled={busy}
          aria-describedby="shield-eml-hint"
          onChange={(event) => {
            onFiles([...(event.target.files ?? [])]);
            // The same file chosen twice in a row must analyse twice.
            event.target.value = '';
          }}
          data-testid="shield-eml-input"
        />
      </div>
    </div>
  );
}
