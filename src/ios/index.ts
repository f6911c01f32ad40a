// Public API of src/ios: the configuration model, running-config parse/render, the config grammar
// (shared with the console) and interface-name helpers.
export * from './model';
export * from './actions';
export { parseConfig, sectionExtra, groupOfCommand, type ParseResult, type UnsupportedLine, type ParseError } from './parse';
export { renderConfig, interfaceBlock, transformsText } from './render';
export { CONFIG_MODES, CONFIG_RULES, applyAction, checkAction, configGrammar, resolveConfigLine, ruleFor, type ResolveOutcome } from './config-grammar';
export { Grammar, tokenizeLine, isIpv4, type RuleSpec, type MatchOutcome, type HelpEntry, type Token } from './grammar/engine';
export { compileSyntax, paramLabel, type ParamType, type Element } from './grammar/syntax';
export * from './interface-names';
export { parseAclEntry, aclEntryText, numberedAclKind, portText } from './acl';
export { parseTransforms } from './rules/ipsec';
export { validateConfig, type ConfigProblem } from './validate';
/** Finds or creates an interface, inserting a new one where running-config lists it. */
export { getInterface as ensureInterface } from './rules/common';
