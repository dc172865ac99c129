// The slice of @11ty/eleventy-dev-server hoshin uses (it ships JSDoc, not .d.ts).
declare module "@11ty/eleventy-dev-server" {
  import type { Server } from "node:http";
  export interface DevServerOptions {
    liveReload?: boolean;
    domDiff?: boolean;
    portReassignmentRetryCount?: number;
    messageOnStart?: () => string | false;
    logger?: { info(message: string): void; log(message: string): void; error(message: string): void };
    onRequest?: Record<string, () => { headers?: Record<string, string>; body: string; status?: number }>;
  }
  export default class EleventyDevServer {
    constructor(name: string, dir: string, options?: DevServerOptions);
    ready(): Promise<void>;
    reload(event?: { files?: string[] }): void;
    sendUpdateNotification(message: object): void;
    close(): Promise<void>;
    readonly server: Server;
  }
}
