/// <reference types="npm:@supabase/functions-js@2/src/edge-runtime.d.ts" />
import { handler } from "./handler.ts";

Deno.serve(handler);
