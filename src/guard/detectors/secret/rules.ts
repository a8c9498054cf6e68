/**
 * Provider secret rules as reviewed data (the gitleaks habit): one entry per credential type with the
 * pattern, the cheap keywords that must appear (lower-case) before the regex runs, and the upstream rule
 * it was ported from. secretlint's `lintSource` is asynchronous, so its patterns are copied here rather
 * than called; every pattern is bounded and anchored on a literal prefix so it cannot backtrack badly.
 *
 * `group` names the capture group holding the secret when the match carries context around it (only
 * that part is reported). `check` names an extra validation in `checks.ts`. `allow` lists documented
 * example values that are not secrets.
 */
import type { LocalisedMessage } from '../../types.js';

export interface SecretRule {
  /** Rule id, `secret.<name>`. */
  id: string;
  /** Provider and credential kind, shown in messages. */
  label: LocalisedMessage;
  pattern: string;
  flags?: string;
  keywords: string[];
  group?: number;
  check?: 'jwt' | 'notPlaceholder';
  allow?: string[];
  /** A description of a typical leak for the catalog page; never a real-looking value. */
  example: string;
  source: string;
}

const SL = 'secretlint 12.0.0 @secretlint/secretlint-rule-';
const GL = 'gitleaks config/gitleaks.toml rule ';

export const secretRules: SecretRule[] = [
  {
    id: 'secret.aws-access-key',
    label: { en: 'AWS access key ID', fr: "Identifiant de clé d'accès AWS" },
    pattern: String.raw`\b(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}\b`,
    keywords: ['akia', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'asia', 'a3t'],
    allow: ['AKIAIOSFODNN7EXAMPLE'],
    example: 'aws_access_key_id = AKIA followed by 16 upper-case letters and digits',
    source: `${SL}aws (AWSAccessKeyID); ${GL}aws-access-token`,
  },
  {
    id: 'secret.aws-secret-key',
    label: { en: 'AWS secret access key', fr: "Clé d'accès secrète AWS" },
    pattern: String.raw`(?:aws)?_?secret_?access_?key["']?\s{0,4}(?::|=>|=)\s{0,4}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])`,
    flags: 'i',
    keywords: ['secret'],
    group: 1,
    allow: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    example: 'AWS_SECRET_ACCESS_KEY=<40 base64 characters>',
    source: `${SL}aws (AWSSecretAccessKey)`,
  },
  {
    id: 'secret.gcp-api-key',
    label: { en: 'Google Cloud API key', fr: 'Clé API Google Cloud' },
    pattern: String.raw`\bAIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])`,
    keywords: ['aiza'],
    example: 'key=AIza followed by 35 characters',
    source: `${GL}gcp-api-key`,
  },
  {
    id: 'secret.gcp-oauth-secret',
    label: { en: 'Google OAuth client secret', fr: 'Secret client OAuth Google' },
    pattern: String.raw`\bGOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])`,
    keywords: ['gocspx'],
    example: 'client_secret: GOCSPX- followed by 28 characters',
    source: `${GL}gcp-api-key (Google OAuth client secret prefix GOCSPX-)`,
  },
  {
    id: 'secret.azure-storage-key',
    label: { en: 'Azure storage account key', fr: 'Clé de compte de stockage Azure' },
    pattern: String.raw`AccountKey=([A-Za-z0-9+/]{86}==)`,
    keywords: ['accountkey='],
    group: 1,
    example: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=<88 base64 characters>',
    source: `${GL}azure-storage-account-key (AccountKey= form of Azure connection strings)`,
  },
  {
    id: 'secret.azure-client-secret',
    label: { en: 'Azure AD client secret', fr: 'Secret client Azure AD' },
    pattern: String.raw`(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])`,
    keywords: ['q~'],
    example: 'AZURE_CLIENT_SECRET=<3 characters, a digit, Q~ and 34 more>',
    source: `${GL}azure-ad-client-secret`,
  },
  {
    id: 'secret.github-token',
    label: { en: 'GitHub token', fr: 'Jeton GitHub' },
    pattern: String.raw`(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9_]{36}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])`,
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    example: 'GITHUB_TOKEN=ghp_ followed by 36 characters',
    source: `${SL}github (classic and fine-grained tokens)`,
  },
  {
    id: 'secret.gitlab-token',
    label: { en: 'GitLab token', fr: 'Jeton GitLab' },
    pattern: String.raw`(?<![A-Za-z0-9_-])gl(?:pat|ptt|dt|rt|cbt|ft|imt|oas|soat)-[A-Za-z0-9_-]{20,128}(?![A-Za-z0-9_-])`,
    keywords: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glcbt-', 'glft-', 'glimt-', 'gloas-', 'glsoat-'],
    example: 'private-token: glpat- followed by 20 characters',
    source: `${SL}gitlab (glpat-); ${GL}gitlab-* (other glxx- prefixes)`,
  },
  {
    id: 'secret.slack-token',
    label: { en: 'Slack token', fr: 'Jeton Slack' },
    pattern: String.raw`\bxox[bpaore]-(?:\d-)?(?:[A-Za-z0-9]{1,40}-){1,6}[A-Za-z0-9]{1,40}\b|\bxapp-\d-[A-Za-z0-9]{1,40}-\d{1,20}-[A-Za-z0-9]{1,80}\b`,
    keywords: ['xox', 'xapp-'],
    example: 'SLACK_BOT_TOKEN=xoxb- followed by numbers and letters',
    source: `${SL}slack (SLACK_TOKEN_PATTERN)`,
  },
  {
    id: 'secret.slack-webhook',
    label: { en: 'Slack incoming webhook', fr: 'Webhook entrant Slack' },
    pattern: String.raw`https://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Za-z0-9]{1,40}/[A-Za-z0-9]{1,40}/[A-Za-z0-9]{1,48}`,
    flags: 'i',
    keywords: ['hooks.slack.com'],
    example: 'https://hooks.slack.com/services/T.../B.../...',
    source: `${SL}slack (IncomingWebhooksPattern)`,
  },
  {
    id: 'secret.stripe-key',
    label: { en: 'Stripe secret key', fr: 'Clé secrète Stripe' },
    pattern: String.raw`\b(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99}(?![A-Za-z0-9])`,
    keywords: ['sk_', 'rk_'],
    example: 'STRIPE_SECRET_KEY=sk_live_ followed by 24 characters',
    source: `${GL}stripe-access-token`,
  },
  {
    id: 'secret.openai-key',
    label: { en: 'OpenAI API key', fr: 'Clé API OpenAI' },
    pattern: String.raw`\bsk-(?:proj|svcacct|admin)-(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})(?![A-Za-z0-9_-])|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}(?![A-Za-z0-9])`,
    keywords: ['t3blbkfj'],
    example: 'OPENAI_API_KEY=sk-proj-... (contains T3BlbkFJ)',
    source: `${SL}openai`,
  },
  {
    id: 'secret.anthropic-key',
    label: { en: 'Anthropic API key', fr: 'Clé API Anthropic' },
    pattern: String.raw`(?<![A-Za-z0-9_-])sk-ant-(?:api0\d|admin01)-[A-Za-z0-9_-]{90,128}AA(?![A-Za-z0-9_-])`,
    keywords: ['sk-ant-'],
    example: 'ANTHROPIC_API_KEY=sk-ant-api03-... ending in AA',
    source: `${SL}anthropic; ${GL}anthropic-admin-api-key`,
  },
  {
    id: 'secret.twilio-key',
    label: { en: 'Twilio API key', fr: 'Clé API Twilio' },
    pattern: String.raw`\bSK[0-9a-fA-F]{32}\b`,
    keywords: ['sk'],
    example: 'TWILIO_API_KEY=SK followed by 32 hexadecimal digits',
    source: `${GL}twilio-api-key`,
  },
  {
    id: 'secret.sendgrid-key',
    label: { en: 'SendGrid API key', fr: 'Clé API SendGrid' },
    pattern: String.raw`\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`,
    keywords: ['sg.'],
    example: 'SENDGRID_API_KEY=SG.<22 characters>.<43 characters>',
    source: `${SL}sendgrid; ${GL}sendgrid-api-token (22.43 shape)`,
  },
  {
    id: 'secret.mailchimp-key',
    label: { en: 'Mailchimp API key', fr: 'Clé API Mailchimp' },
    pattern: String.raw`\b[0-9a-f]{32}-us\d{1,2}\b`,
    keywords: ['-us'],
    example: 'MAILCHIMP_API_KEY=<32 hexadecimal digits>-us21',
    source: `${GL}mailchimp-api-key`,
  },
  {
    id: 'secret.npm-token',
    label: { en: 'npm access token', fr: "Jeton d'accès npm" },
    pattern: String.raw`(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])`,
    keywords: ['npm_'],
    example: '//registry.npmjs.org/:_authToken=npm_ followed by 36 characters',
    source: `${SL}npm (NPM_ACCESS_TOKEN_PATTERN)`,
  },
  {
    id: 'secret.huggingface-token',
    label: { en: 'Hugging Face token', fr: 'Jeton Hugging Face' },
    pattern: String.raw`(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z])`,
    keywords: ['hf_'],
    example: 'HF_TOKEN=hf_ followed by 34 letters',
    source: `${SL}huggingface`,
  },
  {
    id: 'secret.shopify-token',
    label: { en: 'Shopify token', fr: 'Jeton Shopify' },
    pattern: String.raw`(?<![A-Za-z0-9_])shp(?:pa|ca|at|ss)_[A-Za-z0-9]{32,64}(?![A-Za-z0-9])`,
    keywords: ['shppa_', 'shpca_', 'shpat_', 'shpss_'],
    example: 'X-Shopify-Access-Token: shpat_ followed by 32 characters',
    source: `${SL}shopify`,
  },
  {
    id: 'secret.docker-token',
    label: { en: 'Docker Hub personal access token', fr: "Jeton d'accès personnel Docker Hub" },
    pattern: String.raw`(?<![A-Za-z0-9_])dckr_pat_[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])`,
    keywords: ['dckr_pat_'],
    example: 'docker login -p dckr_pat_ followed by 27 characters',
    source: `${SL}docker`,
  },
  {
    id: 'secret.vault-token',
    label: { en: 'HashiCorp Vault token', fr: 'Jeton HashiCorp Vault' },
    pattern: String.raw`(?<![A-Za-z0-9_])hv[sr]\.[A-Za-z0-9_-]{90,120}(?![A-Za-z0-9_-])`,
    keywords: ['hvs.', 'hvr.'],
    example: 'VAULT_TOKEN=hvs. followed by about 95 characters',
    source: `${SL}hashicorp-vault`,
  },
  {
    id: 'secret.databricks-token',
    label: { en: 'Databricks token', fr: 'Jeton Databricks' },
    pattern: String.raw`(?<![A-Za-z0-9_])dapi[a-f0-9]{32}(?:-\d)?(?![A-Fa-f0-9])`,
    keywords: ['dapi'],
    example: 'DATABRICKS_TOKEN=dapi followed by 32 hexadecimal digits',
    source: `${SL}databricks`,
  },
  {
    id: 'secret.private-key',
    label: { en: 'Private key', fr: 'Clé privée' },
    pattern: String.raw`-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,16000}?-----END[ A-Z0-9]{0,24}PRIVATE KEY(?: BLOCK)?-----)?`,
    keywords: ['private key'],
    example: '-----BEGIN RSA PRIVATE KEY----- ... -----END RSA PRIVATE KEY-----',
    source: `${SL}privatekey (PEM_CONTENT_PATTERN); ${GL}private-key`,
  },
  {
    id: 'secret.jwt',
    label: { en: 'JSON Web Token', fr: 'Jeton JWT' },
    pattern: String.raw`\beyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{0,2000}`,
    keywords: ['eyj'],
    check: 'jwt',
    example: 'Authorization: Bearer eyJhbGciOi...',
    source: `${GL}jwt (header and payload must decode to JSON)`,
  },
  {
    id: 'secret.connection-string',
    label: { en: 'Database connection string with a password', fr: 'Chaîne de connexion avec mot de passe' },
    pattern: String.raw`\b(?:jdbc:)?(?:postgres(?:ql)?|mysqlx?|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|couchdb|neo4j(?:\+s)?|clickhouse|cockroachdb)://[^\s:/@]{0,100}:([^\s@/]{1,200})@[^\s/?#]{1,200}`,
    flags: 'i',
    keywords: ['://'],
    group: 1,
    check: 'notPlaceholder',
    example: 'DATABASE_URL=postgres://app:<password>@db.internal:5432/shop',
    source: `${SL}database-connection-string (MongoDB, MySQL, PostgreSQL URI patterns, extended to other schemes)`,
  },
  {
    id: 'secret.connection-string-kv',
    label: { en: 'Connection string with a password', fr: 'Chaîne de connexion avec mot de passe' },
    pattern: String.raw`(?:Server|Data Source|Host|Address|Addr)\s{0,2}=[^;\n]{1,200};(?:[^;\n]{0,200};){0,8}?\s{0,2}(?:Password|Pwd)\s{0,2}=\s{0,2}([^;'"\s]{1,200})`,
    flags: 'i',
    keywords: ['password', 'pwd'],
    group: 1,
    check: 'notPlaceholder',
    example: 'Server=sql01;Database=crm;User Id=app;Password=<password>;',
    source: `${GL}generic-api-key (ADO.NET style Password= in connection strings)`,
  },
  {
    id: 'secret.url-password',
    label: { en: 'Password inside a URL', fr: 'Mot de passe dans une URL' },
    pattern: String.raw`\b(?:https?|ftps?|sftp|ssh|smtps?|imaps?|pop3s?|ldaps?|git|svn|webdav|wss?)://[^\s:/@]{1,100}:([^\s@/]{1,200})@[^\s/?#]{1,200}`,
    flags: 'i',
    keywords: ['://'],
    group: 1,
    check: 'notPlaceholder',
    example: 'https://admin:<password>@intranet.example.com/',
    source: `${SL}basicauth (URL_PATTERN, extended to more schemes)`,
  },
];
