/**
 * What each reason means, in plain French and English: the explanation doubles as a short lesson on
 * the red flag. `{evidence}` is replaced by the reason's evidence.
 */
export const reasonMessages: Record<string, { en: string; fr: string }> = {
  'impersonation.display-name': {
    en: 'The sender name claims to be {evidence}, but the message does not come from one of its domains. Real companies write from their own domain.',
    fr: "Le nom de l'expéditeur se présente comme {evidence}, mais le message ne vient d'aucun de ses domaines. Une vraie entreprise écrit depuis son propre domaine.",
  },
  'impersonation.vip': {
    en: 'The sender name is that of {evidence}, but the address is outside the company: a classic of CEO fraud.',
    fr: "Le nom de l'expéditeur est celui de {evidence}, mais l'adresse est extérieure à l'entreprise : un classique de la fraude au président.",
  },
  'impersonation.body-brand': {
    en: 'The message speaks in the name of {evidence}, yet neither the sender nor the links belong to it.',
    fr: 'Le message parle au nom de {evidence}, mais ni l’expéditeur ni les liens ne lui appartiennent.',
  },
  'impersonation.lookalike': {
    en: 'A domain imitates a protected one: {evidence}. Lookalike domains swap, add or disguise letters to fool a quick glance.',
    fr: 'Un domaine imite un domaine protégé : {evidence}. Les domaines sosies échangent, ajoutent ou déguisent des lettres pour tromper un coup d’œil rapide.',
  },
  'impersonation.punycode': {
    en: 'A domain is written with look-alike foreign characters (punycode): {evidence}.',
    fr: 'Un domaine est écrit avec des caractères étrangers qui se ressemblent (punycode) : {evidence}.',
  },
  'impersonation.reply-to': {
    en: 'Replies would go to another domain than the sender’s: {evidence}. Scammers use this to receive your answer.',
    fr: 'Les réponses partiraient vers un autre domaine que celui de l’expéditeur : {evidence}. Les escrocs s’en servent pour recevoir votre réponse.',
  },
  'links.text-mismatch': {
    en: 'A link shows one address but leads to another: {evidence}. Hover over links before clicking.',
    fr: 'Un lien affiche une adresse mais mène à une autre : {evidence}. Survolez les liens avant de cliquer.',
  },
  'links.raw-ip': {
    en: 'A link points to a bare IP address instead of a domain: {evidence}.',
    fr: 'Un lien pointe vers une adresse IP au lieu d’un nom de domaine : {evidence}.',
  },
  'links.shortener': {
    en: 'A link goes through a URL shortener that hides its destination: {evidence}.',
    fr: 'Un lien passe par un raccourcisseur d’URL qui cache sa destination : {evidence}.',
  },
  'links.free-hosting': {
    en: 'A link leads to a free hosting or form service often used for fake login pages: {evidence}.',
    fr: 'Un lien mène à un hébergement ou formulaire gratuit souvent utilisé pour de fausses pages de connexion : {evidence}.',
  },
  'links.suspicious-tld': {
    en: 'A link uses a domain extension common in phishing: {evidence}.',
    fr: 'Un lien utilise une extension de domaine fréquente dans l’hameçonnage : {evidence}.',
  },
  'links.sensitive-path': {
    en: 'A link outside the sender’s domain leads to a login or payment page: {evidence}.',
    fr: 'Un lien extérieur au domaine de l’expéditeur mène à une page de connexion ou de paiement : {evidence}.',
  },
  'links.compromised-site': {
    en: 'A link leads deep into a website’s code folders, where phishing kits hide on hacked sites: {evidence}.',
    fr: 'Un lien mène au fond des dossiers techniques d’un site, là où se cachent les kits d’hameçonnage sur les sites piratés : {evidence}.',
  },
  'links.redirect': {
    en: 'A link hides its real target inside a redirect: {evidence}.',
    fr: 'Un lien cache sa vraie destination dans une redirection : {evidence}.',
  },
  'lures.urgency': {
    en: 'It pressures you to act fast: "{evidence}". Urgency is the first lever of phishing.',
    fr: 'Il vous pousse à agir vite : « {evidence} ». L’urgence est le premier levier de l’hameçonnage.',
  },
  'lures.suspension': {
    en: 'It threatens your account: "{evidence}".',
    fr: 'Il menace votre compte : « {evidence} ».',
  },
  'lures.credentials': {
    en: 'It asks you to log in or confirm your details: "{evidence}". No serious service asks for this by e-mail.',
    fr: 'Il vous demande de vous connecter ou de confirmer vos informations : « {evidence} ». Aucun service sérieux ne le demande par e-mail.',
  },
  'lures.payment-change': {
    en: 'It is about a payment or changed bank details: "{evidence}". Always confirm by phone with a known number.',
    fr: 'Il parle de paiement ou de coordonnées bancaires modifiées : « {evidence} ». Confirmez toujours par téléphone, avec un numéro connu.',
  },
  'lures.request': {
    en: 'It opens with a vague, pressing request: "{evidence}". CEO fraud starts like this, before any amount is named.',
    fr: 'Il commence par une demande vague et pressante : « {evidence} ». La fraude au président commence ainsi, avant tout montant.',
  },
  'lures.enable-content': {
    en: 'It asks you to enable editing or content in a document: "{evidence}". That button runs the macros that install malware.',
    fr: 'Il vous demande d’activer la modification ou le contenu d’un document : « {evidence} ». Ce bouton lance les macros qui installent un logiciel malveillant.',
  },
  'lures.gift-card': {
    en: 'It asks for gift cards: "{evidence}". Gift cards are untraceable money for scammers.',
    fr: 'Il demande des cartes cadeaux : « {evidence} ». Les cartes cadeaux sont de l’argent intraçable pour les escrocs.',
  },
  'lures.parcel': {
    en: 'It is about a parcel or delivery fees: "{evidence}".',
    fr: 'Il parle d’un colis ou de frais de livraison : « {evidence} ».',
  },
  'lures.tax-refund': {
    en: 'It promises a refund: "{evidence}". Tax offices never announce refunds by e-mail with a link.',
    fr: 'Il promet un remboursement : « {evidence} ». L’administration n’annonce jamais un remboursement par e-mail avec un lien.',
  },
  'lures.prize': {
    en: 'It says you won something: "{evidence}".',
    fr: 'Il annonce que vous avez gagné quelque chose : « {evidence} ».',
  },
  'html.hidden-text': {
    en: 'The message contains hidden text ({evidence}), used to fool filters.',
    fr: 'Le message contient du texte caché ({evidence}), utilisé pour tromper les filtres.',
  },
  'html.invisible-chars': {
    en: 'The message contains invisible or direction-changing characters ({evidence}).',
    fr: 'Le message contient des caractères invisibles ou qui inversent le sens du texte ({evidence}).',
  },
  'html.form': {
    en: 'The message contains a form{evidence}: never type credentials into an e-mail.',
    fr: 'Le message contient un formulaire{evidence} : ne saisissez jamais d’identifiants dans un e-mail.',
  },
  'html.text-as-image': {
    en: 'The message is almost only images ({evidence}): text in pictures evades filters.',
    fr: 'Le message n’est presque fait que d’images ({evidence}) : le texte en image échappe aux filtres.',
  },
  'html.embedded-data': {
    en: 'The message embeds encoded content ({evidence}).',
    fr: 'Le message embarque du contenu encodé ({evidence}).',
  },
  'attachments.executable': {
    en: 'An attachment is a program or script: {evidence}. Never open it.',
    fr: 'Une pièce jointe est un programme ou un script : {evidence}. Ne l’ouvrez jamais.',
  },
  'attachments.macro': {
    en: 'An attachment is an Office file with macros: {evidence}.',
    fr: 'Une pièce jointe est un fichier Office avec macros : {evidence}.',
  },
  'attachments.html': {
    en: 'An attachment is a web page or SVG image, which can hold a fake login form: {evidence}.',
    fr: 'Une pièce jointe est une page web ou une image SVG, qui peut contenir un faux formulaire de connexion : {evidence}.',
  },
  'attachments.disk-image': {
    en: 'An attachment is a disk image, used to smuggle programs past filters: {evidence}.',
    fr: 'Une pièce jointe est une image disque, utilisée pour faire passer des programmes : {evidence}.',
  },
  'attachments.encrypted-archive': {
    en: 'An attachment is a password-protected archive that filters cannot inspect: {evidence}.',
    fr: 'Une pièce jointe est une archive protégée par mot de passe que les filtres ne peuvent pas inspecter : {evidence}.',
  },
  'attachments.double-extension': {
    en: 'An attachment hides its real type behind a double extension: {evidence}.',
    fr: 'Une pièce jointe cache son vrai type derrière une double extension : {evidence}.',
  },
  'authentication.dmarc-fail': {
    en: 'The sender’s domain did not authenticate the message (DMARC {evidence}): it may be forged.',
    fr: 'Le domaine de l’expéditeur n’a pas authentifié le message (DMARC {evidence}) : il est peut-être usurpé.',
  },
  'authentication.spf-fail': {
    en: 'The sending server is not allowed by the domain (SPF {evidence}).',
    fr: 'Le serveur d’envoi n’est pas autorisé par le domaine (SPF {evidence}).',
  },
  'authentication.dkim-fail': {
    en: 'The message signature does not verify (DKIM {evidence}).',
    fr: 'La signature du message ne se vérifie pas (DKIM {evidence}).',
  },
  'authentication.brand-unauthenticated': {
    en: 'The message claims to come from {evidence} but is not authenticated by it.',
    fr: 'Le message prétend venir de {evidence} mais n’est pas authentifié par ce domaine.',
  },
  'impersonation.name-address': {
    en: 'The sender name shows an address ({evidence}) that is not the real sender. Look at the address itself, not the name.',
    fr: 'Le nom de l’expéditeur affiche une adresse ({evidence}) qui n’est pas le vrai expéditeur. Regardez l’adresse elle-même, pas le nom.',
  },
  'links.file-sharing': {
    en: 'A link leads to a file-sharing service, where anyone can place a document or a fake login page: {evidence}.',
    fr: 'Un lien mène à un service de partage de fichiers, où n’importe qui peut déposer un document ou une fausse page de connexion : {evidence}.',
  },
  'lures.document-share': {
    en: 'It announces a shared document, voicemail or secure message: "{evidence}". Attackers use these to send you to a fake login page.',
    fr: 'Il annonce un document partagé, un message vocal ou sécurisé : « {evidence} ». Les attaquants s’en servent pour vous mener à une fausse page de connexion.',
  },
  'lures.fine': {
    en: 'It claims you owe a fine or a toll: "{evidence}". Check on the official website, never through the link.',
    fr: 'Il prétend que vous devez une amende ou un péage : « {evidence} ». Vérifiez sur le site officiel, jamais par le lien.',
  },
  'lures.callback': {
    en: 'It wants you to call a number about a charge or renewal: "{evidence}". Call only numbers you find yourself.',
    fr: 'Il veut que vous appeliez un numéro au sujet d’un prélèvement ou d’un renouvellement : « {evidence} ». N’appelez que des numéros trouvés par vous-même.',
  },
  'lures.address-as-name': {
    en: 'It greets you by your e-mail address ({evidence}): a sign of mass mailing, not of someone who knows you.',
    fr: 'Il vous salue par votre adresse e-mail ({evidence}) : signe d’un envoi de masse, pas de quelqu’un qui vous connaît.',
  },
  'html.encoded-content': {
    en: 'The message carries encoded or self-decoding content ({evidence}), a way to hide a page or a payload from filters.',
    fr: 'Le message contient du contenu encodé ou qui se décode lui-même ({evidence}), une façon de cacher une page ou une charge aux filtres.',
  },
  'attachments.html-login': {
    en: 'An attached web page asks for a login or password: {evidence}. A real service never sends its login page as an attachment.',
    fr: 'Une page web jointe demande un identifiant ou un mot de passe : {evidence}. Un vrai service n’envoie jamais sa page de connexion en pièce jointe.',
  },
  'attachments.html-smuggling': {
    en: 'An attached web page or SVG decodes or redirects by itself: {evidence}. This hides phishing pages and malware from filters.',
    fr: 'Une page web ou une image SVG jointe se décode ou redirige toute seule : {evidence}. Cela cache des pages d’hameçonnage et des logiciels malveillants aux filtres.',
  },
  'attachments.pdf-link': {
    en: 'An attached PDF contains a link: {evidence}. A document that only asks you to click is a way around link filters.',
    fr: 'Un PDF joint contient un lien : {evidence}. Un document qui ne demande qu’un clic sert à contourner les filtres de liens.',
  },
  'attachments.qr-link': {
    en: 'An image holds a QR code leading to a web page: {evidence}. A QR code hides its link from you and from your computer’s protections.',
    fr: 'Une image contient un QR code qui mène à une page web : {evidence}. Un QR code vous cache son lien, ainsi qu’aux protections de votre ordinateur.',
  },
  'authentication.compauth-fail': {
    en: 'The receiving server could not confirm who sent this message ({evidence}).',
    fr: 'Le serveur de réception n’a pas pu confirmer qui a envoyé ce message ({evidence}).',
  },
  'context.brand-lure-link': {
    en: 'It speaks for a brand, asks you to act, and sends you elsewhere: {evidence}. This trio is the pattern of brand phishing.',
    fr: 'Il parle au nom d’une marque, vous demande d’agir et vous envoie ailleurs : {evidence}. Ce trio est le schéma de l’hameçonnage à la marque.',
  },
  'context.brand-offsite-link': {
    en: 'The sender names a brand, yet every link leads away from it: {evidence}. A brand links to its own site.',
    fr: 'L’expéditeur se réclame d’une marque, mais tous les liens mènent ailleurs : {evidence}. Une marque renvoie vers son propre site.',
  },
  'context.lure-risky-link': {
    en: 'A request to act comes with a risky destination: {evidence}.',
    fr: 'Une demande d’action s’accompagne d’une destination à risque : {evidence}.',
  },
  'context.bec': {
    en: 'Money talk from an address the attacker controls: {evidence}. Confirm any payment change by phone, with a number you already know.',
    fr: 'Il parle d’argent depuis une adresse que l’attaquant contrôle : {evidence}. Confirmez tout changement de paiement par téléphone, avec un numéro que vous connaissez déjà.',
  },
};

export function renderReason(id: string, evidence: string, locale: 'en' | 'fr'): string {
  const m = reasonMessages[id];
  if (!m) return id;
  return m[locale].replaceAll('{evidence}', evidence);
}
