/**
 * Every sentence the posture checks can say, in English and French, by message id. Checks report an
 * id and data; `message()` renders both languages so the console and the CLI can pick one.
 */
export const postureMessages = {
  'spf.missing': {
    en: 'No SPF record: any server can claim to send mail for {domain}.',
    fr: "Aucun enregistrement SPF : n'importe quel serveur peut prétendre envoyer du courrier pour {domain}.",
  },
  'spf.multiple': {
    en: '{count} SPF records: receivers treat this as an error (permerror) and ignore SPF.',
    fr: '{count} enregistrements SPF : les destinataires considèrent cela comme une erreur (permerror) et ignorent SPF.',
  },
  'spf.syntax': {
    en: 'SPF syntax error in {domain}: "{term}".',
    fr: 'Erreur de syntaxe SPF dans {domain} : « {term} ».',
  },
  'spf.too-many-lookups': {
    en: 'SPF needs {count} DNS lookups; the limit is 10, so receivers return permerror.',
    fr: 'SPF demande {count} requêtes DNS ; la limite est de 10, les destinataires renvoient donc permerror.',
  },
  'spf.lookups': {
    en: 'SPF uses {count} of its 10 DNS lookups.',
    fr: 'SPF utilise {count} de ses 10 requêtes DNS.',
  },
  'spf.too-many-void': {
    en: 'SPF has {count} lookups that find nothing; more than 2 is a permerror.',
    fr: 'SPF contient {count} requêtes qui ne trouvent rien ; au-delà de 2, c’est une erreur permerror.',
  },
  'spf.loop': { en: 'SPF include loop through {domain}.', fr: 'Boucle d’inclusion SPF via {domain}.' },
  'spf.include-missing': {
    en: 'SPF includes {domain}, which has no SPF record (permerror).',
    fr: 'SPF inclut {domain}, qui n’a pas d’enregistrement SPF (permerror).',
  },
  'spf.lookup-failed': {
    en: 'The DNS lookup for {domain} failed; SPF could not be fully checked.',
    fr: 'La requête DNS pour {domain} a échoué ; SPF n’a pas pu être entièrement vérifié.',
  },
  'spf.all-fail': {
    en: 'SPF ends with "-all": other servers are rejected.',
    fr: 'SPF se termine par « -all » : les autres serveurs sont rejetés.',
  },
  'spf.all-softfail': {
    en: 'SPF ends with "~all" (soft fail): mail from other servers is only marked, so DMARC must enforce.',
    fr: 'SPF se termine par « ~all » (échec léger) : le courrier des autres serveurs est seulement marqué, DMARC doit donc imposer le rejet.',
  },
  'spf.all-neutral': {
    en: 'SPF ends with "{all}": it says nothing about other servers, so it does not stop spoofing.',
    fr: 'SPF se termine par « {all} » : il ne dit rien des autres serveurs et n’empêche donc pas l’usurpation.',
  },
  'spf.all-pass': {
    en: 'SPF ends with "+all": every server on the Internet is allowed to send as {domain}.',
    fr: 'SPF se termine par « +all » : tous les serveurs d’Internet peuvent envoyer au nom de {domain}.',
  },
  'spf.ptr': {
    en: 'SPF uses the deprecated "ptr" mechanism.',
    fr: 'SPF utilise le mécanisme obsolète « ptr ».',
  },
  'spf.macro': {
    en: 'SPF uses macros ({term}); their lookups were counted but not followed.',
    fr: 'SPF utilise des macros ({term}) ; leurs requêtes sont comptées mais pas suivies.',
  },
  'dmarc.missing': {
    en: 'No DMARC record at _dmarc.{domain}: receivers apply no policy to mail that fails SPF and DKIM.',
    fr: 'Aucun enregistrement DMARC sur _dmarc.{domain} : les destinataires n’appliquent aucune politique au courrier qui échoue SPF et DKIM.',
  },
  'dmarc.multiple': {
    en: '{count} DMARC records: receivers ignore them all.',
    fr: '{count} enregistrements DMARC : les destinataires les ignorent tous.',
  },
  'dmarc.syntax': { en: 'DMARC syntax error: {detail}.', fr: 'Erreur de syntaxe DMARC : {detail}.' },
  'dmarc.inherited': {
    en: 'DMARC comes from the organisational domain {domain} (its sp= applies).',
    fr: 'DMARC provient du domaine organisationnel {domain} (son sp= s’applique).',
  },
  'dmarc.p-none': {
    en: 'DMARC policy is "none": spoofed mail is reported but still delivered.',
    fr: 'La politique DMARC est « none » : le courrier usurpé est signalé mais toujours distribué.',
  },
  'dmarc.p-quarantine': {
    en: 'DMARC policy is "quarantine": spoofed mail goes to spam rather than being refused.',
    fr: 'La politique DMARC est « quarantine » : le courrier usurpé part en spam au lieu d’être refusé.',
  },
  'dmarc.p-reject': {
    en: 'DMARC policy is "reject": receivers refuse spoofed mail.',
    fr: 'La politique DMARC est « reject » : les destinataires refusent le courrier usurpé.',
  },
  'dmarc.pct': {
    en: 'DMARC applies its policy to only {pct}% of failing mail.',
    fr: 'DMARC n’applique sa politique qu’à {pct} % du courrier en échec.',
  },
  'dmarc.sp-weaker': {
    en: 'Subdomain policy sp={sp} is weaker than p={p}: subdomains can be spoofed.',
    fr: 'La politique des sous-domaines sp={sp} est plus faible que p={p} : les sous-domaines peuvent être usurpés.',
  },
  'dmarc.no-rua': {
    en: 'DMARC has no rua= address: nobody receives the aggregate reports.',
    fr: 'DMARC n’a pas d’adresse rua= : personne ne reçoit les rapports agrégés.',
  },
  'dmarc.rua-unauthorised': {
    en: '{target} does not accept DMARC reports for {domain} (no {record} record).',
    fr: '{target} n’accepte pas les rapports DMARC pour {domain} (pas d’enregistrement {record}).',
  },
  'dmarc.relaxed': {
    en: 'Alignment is relaxed (adkim={adkim}, aspf={aspf}): any subdomain may align.',
    fr: 'L’alignement est souple (adkim={adkim}, aspf={aspf}) : tout sous-domaine peut s’aligner.',
  },
  'dmarc.lookup-failed': {
    en: 'The DMARC lookup failed; try again later.',
    fr: 'La requête DMARC a échoué ; réessayez plus tard.',
  },
  'dkim.found': {
    en: 'DKIM key found for selector "{selector}" ({detail}).',
    fr: 'Clé DKIM trouvée pour le sélecteur « {selector} » ({detail}).',
  },
  'dkim.none-found': {
    en: 'No DKIM key under the {count} selectors tried; if mail is signed, add its selector to the settings.',
    fr: 'Aucune clé DKIM parmi les {count} sélecteurs essayés ; si le courrier est signé, ajoutez son sélecteur dans les réglages.',
  },
  'dkim.revoked': {
    en: 'DKIM selector "{selector}" is revoked (empty p=).',
    fr: 'Le sélecteur DKIM « {selector} » est révoqué (p= vide).',
  },
  'dkim.weak-key': {
    en: 'DKIM selector "{selector}" uses a {bits}-bit RSA key; use 2048 bits.',
    fr: 'Le sélecteur DKIM « {selector} » utilise une clé RSA de {bits} bits ; utilisez 2048 bits.',
  },
  'dkim.invalid': {
    en: 'DKIM record for selector "{selector}" is invalid: {detail}.',
    fr: 'L’enregistrement DKIM du sélecteur « {selector} » est invalide : {detail}.',
  },
  'mta-sts.missing': {
    en: 'No MTA-STS record: mail sent to {domain} can be downgraded to unencrypted delivery.',
    fr: 'Aucun enregistrement MTA-STS : le courrier envoyé à {domain} peut être rétrogradé sans chiffrement.',
  },
  'mta-sts.found': {
    en: 'MTA-STS record found (id={id}); the policy file at https://mta-sts.{domain}/.well-known/mta-sts.txt was not fetched (offline check).',
    fr: 'Enregistrement MTA-STS trouvé (id={id}) ; le fichier de politique https://mta-sts.{domain}/.well-known/mta-sts.txt n’a pas été téléchargé (vérification hors ligne).',
  },
  'mta-sts.invalid': {
    en: 'MTA-STS record is invalid: {detail}.',
    fr: 'L’enregistrement MTA-STS est invalide : {detail}.',
  },
  'tls-rpt.missing': {
    en: 'No TLS-RPT record: nobody is told when encrypted delivery to {domain} fails.',
    fr: 'Aucun enregistrement TLS-RPT : personne n’est prévenu quand la livraison chiffrée vers {domain} échoue.',
  },
  'tls-rpt.found': { en: 'TLS-RPT reports go to {rua}.', fr: 'Les rapports TLS-RPT sont envoyés à {rua}.' },
  'tls-rpt.invalid': {
    en: 'TLS-RPT record is invalid: {detail}.',
    fr: 'L’enregistrement TLS-RPT est invalide : {detail}.',
  },
  'bimi.missing': {
    en: 'No BIMI record (optional: shows the brand logo in supporting inboxes).',
    fr: 'Aucun enregistrement BIMI (facultatif : affiche le logo de la marque dans les messageries compatibles).',
  },
  'bimi.found': { en: 'BIMI logo at {logo}.', fr: 'Logo BIMI à l’adresse {logo}.' },
  'bimi.invalid': {
    en: 'BIMI record is invalid: {detail}.',
    fr: 'L’enregistrement BIMI est invalide : {detail}.',
  },
  'bimi.needs-dmarc': {
    en: 'BIMI is ignored unless DMARC is at quarantine or reject.',
    fr: 'BIMI est ignoré tant que DMARC n’est pas en quarantine ou reject.',
  },
  'mx.none': {
    en: '{domain} receives no mail (no MX): it should still publish "v=spf1 -all" and DMARC p=reject.',
    fr: '{domain} ne reçoit pas de courrier (pas de MX) : il doit tout de même publier « v=spf1 -all » et DMARC p=reject.',
  },
  'check.lookup-failed': {
    en: 'The DNS lookups for the {check} check failed; try again later.',
    fr: 'Les requêtes DNS de la vérification {check} ont échoué ; réessayez plus tard.',
  },
  'verdict.spoofable': {
    en: 'Anyone can send e-mail that passes as {domain} today.',
    fr: 'N’importe qui peut aujourd’hui envoyer un e-mail qui passe pour {domain}.',
  },
  'verdict.partially-protected': {
    en: '{domain} is partly protected: some spoofed mail still reaches inboxes or spam folders.',
    fr: '{domain} est partiellement protégé : une partie du courrier usurpé atteint encore les boîtes ou les spams.',
  },
  'verdict.protected': {
    en: 'Receivers that check DMARC refuse mail spoofing {domain}.',
    fr: 'Les destinataires qui vérifient DMARC refusent le courrier qui usurpe {domain}.',
  },
  'fix.spf': {
    en: 'Publish this SPF record (list every service that sends as {domain} before "-all").',
    fr: 'Publiez cet enregistrement SPF (listez chaque service qui envoie au nom de {domain} avant « -all »).',
  },
  'fix.spf-flatten': {
    en: 'Reduce DNS lookups: replace includes with ip4:/ip6: ranges or drop unused services.',
    fr: 'Réduisez les requêtes DNS : remplacez des include par des plages ip4:/ip6: ou retirez les services inutilisés.',
  },
  'fix.dmarc': {
    en: 'Publish this DMARC record; if mail is not yet aligned, start with p=quarantine and read the reports first.',
    fr: 'Publiez cet enregistrement DMARC ; si le courrier n’est pas encore aligné, commencez par p=quarantine et lisez d’abord les rapports.',
  },
  'fix.dmarc-report-auth': {
    en: 'Ask the owner of {target} to publish this record so it accepts your reports.',
    fr: 'Demandez au propriétaire de {target} de publier cet enregistrement pour accepter vos rapports.',
  },
  'fix.dkim': {
    en: 'Turn on DKIM signing in each sending service; it gives the exact key record to publish.',
    fr: 'Activez la signature DKIM dans chaque service d’envoi ; il fournit l’enregistrement de clé exact à publier.',
  },
  'fix.mta-sts': {
    en: 'Publish this record and serve the policy at https://mta-sts.{domain}/.well-known/mta-sts.txt.',
    fr: 'Publiez cet enregistrement et servez la politique sur https://mta-sts.{domain}/.well-known/mta-sts.txt.',
  },
  'fix.tls-rpt': {
    en: 'Publish this record to receive TLS delivery reports.',
    fr: 'Publiez cet enregistrement pour recevoir les rapports de livraison TLS.',
  },
} as const satisfies Record<string, { en: string; fr: string }>;

export type PostureMessageId = keyof typeof postureMessages;
export type MessageData = Record<string, string | number>;

export interface Message {
  id: PostureMessageId;
  data: MessageData;
  en: string;
  fr: string;
}

function render(template: string, data: MessageData): string {
  return template.replace(/\{(\w{1,20})\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}

export function message(id: PostureMessageId, data: MessageData = {}): Message {
  const t = postureMessages[id];
  return { id, data, en: render(t.en, data), fr: render(t.fr, data) };
}
