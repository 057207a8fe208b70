import type { ServiceProcess } from "./service-process.js";

/** Resident memory of each service, sampled at a fixed interval with the time of each sample. */
export interface MemorySampler {
  stop(): Map<string, { at: number; bytes: number }[]>;
}

/** Samples `services` every `intervalMillis` until `stop` (a process that has exited is skipped). */
export function sampleMemory(services: ServiceProcess[], intervalMillis: number): MemorySampler {
  const samples = new Map<string, { at: number; bytes: number }[]>(
    services.map((service) => [service.name, []]),
  );
  const take = () => {
    for (const service of services) {
      service
        .rssBytes()
        .then((bytes) => samples.get(service.name)?.push({ at: Date.now(), bytes }))
        .catch(() => undefined);
    }
  };
  take();
  const timer = setInterval(take, intervalMillis);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

/** Mean of the samples taken in [from, to). */
export function meanBetween(samples: { at: number; bytes: number }[], from: number, to: number): number {
  const inside = samples.filter((sample) => sample.at >= from && sample.at < to);
  return inside.reduce((sum, sample) => sum + sample.bytes, 0) / inside.length;
}
