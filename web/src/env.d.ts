// Browser APIs the widget uses that TypeScript's "dom" library lacks (Trusted Types), or keeps in
// its "webworker" library, which cannot be loaded beside "dom". Types for tsc only: not assembled.

interface TrustedScriptURL {
  readonly brand: 'TrustedScriptURL';
}

interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL: (input: string) => string }): {
    createScriptURL(input: string): TrustedScriptURL;
  };
}

interface Window {
  trustedTypes?: TrustedTypePolicyFactory;
}

declare var WorkerGlobalScope: { prototype: object; new (): object } | undefined;

interface DedicatedWorkerGlobalScope {
  onmessage: ((event: MessageEvent) => unknown) | null;
  postMessage(message: unknown): void;
}
