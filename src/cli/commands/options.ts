import { Option } from 'commander';
import { parseFormat } from '../io.js';

export const formatOption = () =>
  new Option('--format <format>', 'text or json').default('text').argParser(parseFormat);
