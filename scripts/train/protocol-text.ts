/** The protocol as the evaluation report explains it. */
import { CLIP_TILE_SECONDS } from "../../src/detector/tiles";
import type { PipelineOptions } from "./options";
import { rakingDescription, rakingOf } from "./weights";

export function protocolDescription(options: PipelineOptions): string {
  const raked = rakingDescription(rakingOf(options));
  return [
    `Leave-units-out, never random per clip. A **unit** is a fake system (the generator or system name) or a real source (the local source, or the github repository). Units are dealt to ${options.folds} folds (seed ${options.seed}), whole, balanced by clip count per class. For fold k the test set is the clips of its units; its training set leaves out those clips **and every clip linked to one of them**: the same github repository, the same corpus shared across repositories (LibriSpeech, VCTK, LJSpeech, CMU Arctic, AISHELL), the same source-and-speaker or generator-and-voice group key, a vocoder parent or child in either direction, and the festvox-ru-db speaker with the festival voice built from it and espeak-ng (whose top-up speaks its sentences). So every clip gets an out-of-fold score from a model that never saw its system or source, nor a vocoder copy of it nor its parent.`,
    "",
    "This is stricter than literal leave-one-system-out: each model is trained without a tenth of the units at once and without everything linked to them, so it sees fewer clips than a model that leaves out one system only. The Tux Paint text identity (data README rule 5) is not enforced: most TTS clips speak Tux Paint descriptions, and leaving them all out would leave little to train on.",
    "",
    `Scored: each clip as published (the shared clip, or the corpus clip after its channel chain), as the detector scores an upload: the mean raw score of its consecutive ${CLIP_TILE_SECONDS} s tiles (the seed's forest: its 46 values of the first 2 s). Training rows of a training clip: its whole clip, a random 1.5-6 s crop and a random 2 s segment, of the clip as published, of its pre-channel copy (corpus clips) and of augmented copies (label-blind channel chains), and the published clip's ${CLIP_TILE_SECONDS} s tiles (together weighing what its whole row weighs), weighted so that each unit counts about as much as the square root of its clip count${options.augmentedWeight !== 1 ? ` (an augmented copy's rows weighing ${options.augmentedWeight} of the other copies' rows)` : ""}${raked ? `, raked on ${raked}, each distributed alike in both classes` : ""}, and both classes weigh the same.`,
    "",
    "Metrics: per fold EER, ROC AUC, accuracy and per-class precision and recall, and their mean over folds holding both classes; per fake system the EER of its clips against all real clips, and the mean of those (**macro unseen-system EER**, the number to improve); per real source its false-fake rate at the shipped threshold and its EER against all fake clips; pooled EER and AUC over all out-of-fold scores. Calibration (Platt) and the verdict thresholds are fitted on the out-of-fold scores of the shipped learner, so the per-fold verdict figures are slightly optimistic; EER and AUC do not depend on them.",
  ].join("\n");
}
