// Public entry of the storyboard engine: the web app, the API and the CLI all call this.
export { generateStoryboard, regenerateScene, paddingSeconds } from "./generate";
export { PAD_MAX_SECONDS } from "./check/craft";
export { generateWithProvider, type ProviderOptions } from "./llm";
export { checkStoryboard, passesErrors } from "./checks";
export { PATTERNS, listPatterns, resolvePatternId, type Pattern, type Beat } from "./patterns";
export { fittingPatterns, variationPattern } from "./variation";
export { engineInputSchema, EngineValidationError } from "./schema";
export { PLATFORM_MAX_SECONDS } from "./infer";
export type { EngineInput, EngineOutput, EngineScene, Check, CheckSeverity, SceneLike, StoryboardLike } from "./types";
export { understandBrief, type BriefUnderstanding } from "./brief/understand";
export { briefFromFields, type BriefFields } from "./brief/fields";
