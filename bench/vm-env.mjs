// The environment a course VM gives kafka-tutor. This build machine also sets NODE_EXTRA_CA_CERTS (the CA
// bundle of its package proxy), which no course VM needs: every Node process reads that bundle when it
// starts, before any of kafka-tutor's code runs (about 0.09 s of CPU here), and kcat never does.
// The benches run kafka-tutor without it, and also report the figure with it, so both are in view.
export const MACHINE_ONLY = ['NODE_EXTRA_CA_CERTS'];

/** `env` without this machine's own variables. */
export function vmEnv(env = process.env) {
  const copy = { ...env };
  for (const key of MACHINE_ONLY) delete copy[key];
  return copy;
}

/** True when this machine sets a variable a course VM does not: the benches then measure both ways. */
export const machineDiffers = MACHINE_ONLY.some((key) => process.env[key]);

/** One line for a bench's header. */
export function envNote() {
  return machineDiffers
    ? `kafka-tutor runs as on a course VM, without this machine's ${MACHINE_ONLY.filter((k) => process.env[k]).join(', ')} (read by every Node process at start); "as set up here" repeats a run with it`
    : 'environment: as on a course VM';
}
