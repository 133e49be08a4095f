import type { CommandDispatcher } from "../core/chat/dispatcher.ts";
import type { OptionSuggestions } from "../core/chat/option-suggestions.ts";
import type { Logger } from "../logger.ts";
import type { Services } from "../services.ts";

/**
 * What a chat platform's adapter is given by the composition root: the one door to the core (the
 * dispatcher, whose `commands` are what it registers), suggestions for what a person is typing,
 * and the JSON logger. No store, no services: an adapter only translates.
 */
export interface PlatformDeps {
  dispatcher: CommandDispatcher<Services>;
  suggest: OptionSuggestions;
  logger: Logger;
}
