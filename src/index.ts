/**
 * The Worker: the HTTP API (src/api) around the detector, built once per isolate from the bundled model binary
 * (an ArrayBuffer module, see wrangler.toml `rules`) and its card. A binary and card that do not fit the running
 * feature code throw here, so such a Worker fails at deploy instead of scoring wrongly.
 */
import modelBinary from "../models/model.bin";
import modelCard from "../models/model.json";
import { createApp } from "./api/app";
import { createDetector } from "./detector/detector";
import type { ModelCard } from "./detector/model-card";

export default createApp(createDetector(new Uint8Array(modelBinary), modelCard as ModelCard));
