// The optional LLM path: the provider (transport, retries, fallbacks) and its prompt.
export { generateWithProvider, mapSceneType, repairLlmStoryboard, STORYBOARD_JSON_SCHEMA, type ProviderOptions } from "./provider";
