import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A download link for the rules as YAML, built in the browser (the CSP allows blob: downloads). */
export function YamlDownload({ yaml }: { yaml: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const objectUrl = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [yaml]);
  return (
    <div>
      <a
        className="button button-secondary"
        href={url}
        download="vigie-brand-rules.yaml"
        data-testid="brand-export"
      >
        {t('guardSettings.brand.export')}
      </a>
      <p className="field-hint">{t('guardSettings.brand.exportHint')}</p>
    </div>
  );
}
