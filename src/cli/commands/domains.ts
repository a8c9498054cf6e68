import { type Command, Option } from 'commander';
import {
  analysePosture,
  createDnsQuery,
  formatPermutations,
  generatePermutations,
  type PermutationFormat,
  parseDictionary,
  parseTldList,
  resolvePermutations,
} from '../../shield/index.js';
import { endProgress, type Io, output, progress, readFileBounded } from '../io.js';

// Dictionaries and TLD lists are a few thousand lines at most.
const MAX_LIST_BYTES = 4 * 1024 * 1024;
const readList = (path: string, what: string) =>
  readFileBounded(path, MAX_LIST_BYTES, `the ${what} file`).toString('utf8');

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerDomainCommands(program: Command, io: Io): void {
  const domains = program.command('domains').description('lookalike domains and e-mail spoofing posture');

  domains
    .command('permute <domain>')
    .description('lookalike permutations of a domain (every dnstwist fuzzer, plus combosquatting)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'json', 'list']).default('csv'),
    )
    .option('--dictionary <file>', 'words for the dictionary fuzzer')
    .option('--tld <file>', 'suffixes for the tld-swap fuzzer')
    .option('--unicode', 'print internationalised domains in Unicode instead of punycode')
    .option('--resolve', 'look up A, AAAA, NS and MX of every permutation')
    .option('--registered', 'keep only the permutations that resolve (implies --resolve)')
    .option('--nameserver <ip>', 'DNS server to ask (repeatable)', collect)
    .action(
      async (
        domain: string,
        o: {
          format: PermutationFormat;
          dictionary?: string;
          tld?: string;
          unicode?: boolean;
          resolve?: boolean;
          registered?: boolean;
          nameserver?: string[];
        },
      ) => {
        const { permutations, truncated } = generatePermutations(domain, {
          dictionary: o.dictionary ? parseDictionary(readList(o.dictionary, 'dictionary')) : undefined,
          tlds: o.tld ? parseTldList(readList(o.tld, 'TLD')) : undefined,
          unicode: o.unicode,
        });
        if (truncated) io.stderr.write(`vigie: stopped at ${permutations.length} permutations\n`);
        if (!o.resolve && !o.registered) {
          io.stdout.write(`${formatPermutations(permutations, o.format)}\n`);
          return;
        }
        const query = createDnsQuery({ nameservers: o.nameserver });
        progress(io, `resolving ${permutations.length} domains…`);
        const resolved = await resolvePermutations(permutations, query, {
          registeredOnly: Boolean(o.registered),
        });
        endProgress(io);
        io.stdout.write(`${formatPermutations(resolved, o.format)}\n`);
      },
    );

  domains
    .command('posture <domain>')
    .description(
      'can someone send mail that passes as this domain? SPF, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI, and the records to publish',
    )
    .option('--selector <name>', 'a DKIM selector to check (repeatable)', collect)
    .option('--nameserver <ip>', 'DNS server to ask (repeatable)', collect)
    .addOption(
      new Option('--locale <locale>', 'language of the explanations').choices(['en', 'fr']).default('en'),
    )
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .action(
      async (
        domain: string,
        o: { selector?: string[]; nameserver?: string[]; locale: 'en' | 'fr'; format: 'text' | 'json' },
      ) => {
        const result = await analysePosture(domain, createDnsQuery({ nameservers: o.nameserver }), {
          dkimSelectors: o.selector,
        });
        output(io, o.format, result, (r) =>
          [
            `${r.domain}: ${r.verdict} — ${r.summary[o.locale]}`,
            ...r.checks.map(
              (c) => `  ${c.status.padEnd(5)} ${c.id}: ${c.messages.map((m) => m[o.locale]).join(' ')}`,
            ),
            ...(r.fixes.length
              ? ['records to publish:', ...r.fixes.map((f) => `  ${f.name} ${f.type} "${f.value}"`)]
              : []),
          ].join('\n'),
        );
      },
    );
}
