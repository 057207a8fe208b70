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

/**
 * The lowest resident memory of each service right after a full garbage collection, less the young generation
 * that collection emptied, sampled every `intervalMillis` for `windowMillis`. Garbage and the young generation's
 * size (which V8 sets from the allocation rate) are out of the figure, so it no longer depends on where V8's
 * collection cycles stand; the lowest sample leaves out what is only briefly held (a 32 MiB scrypt buffer while a
 * sign-in hashes, the requests in flight). Retained memory, a leak, raises every sample and so this one.
 */
export async function residentFloor(
  services: ServiceProcess[],
  windowMillis: number,
  intervalMillis: number,
): Promise<Map<string, number>> {
  const floors = new Map<string, number>();
  const end = Date.now() + windowMillis;
  while (Date.now() < end) {
    const next = Date.now() + intervalMillis;
    await Promise.all(
      services.map(async (service) => {
        const bytes = await service.retainedBytesAfterGc();
        floors.set(service.name, Math.min(bytes, floors.get(service.name) ?? bytes));
      }),
    );
    await new Promise((done) => setTimeout(done, Math.max(0, Math.min(next, end) - Date.now())));
  }
  return floors;
}
