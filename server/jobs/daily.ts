// Runs the reminders once a day at AP_REMINDER_TIME, UK time: checked every minute, so a server
// started after that time sends that day's digests at once, and the clocks changing move nothing.
import { todayInLondon, type IsoDate } from '../../src/model/index.js';

let londonTime: Intl.DateTimeFormat | undefined;

/** "HH:MM" in Europe/London at `now`. */
export function timeInLondon(now: Date): string {
  londonTime ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return londonTime.format(now);
}

export interface Daily {
  stop(): void;
}

/** Calls `work(day)` once a day from `time` ("HH:MM", UK time) on; a day whose run failed is tried again next minute. */
export function daily(time: string, work: (day: IsoDate) => Promise<unknown>, now: () => Date = () => new Date()): Daily {
  let done: IsoDate | undefined;
  let running = false;
  const tick = async () => {
    const at = now();
    const day = todayInLondon(at);
    if (running || done === day || timeInLondon(at) < time) return;
    running = true;
    try {
      await work(day);
      done = day;
    } catch {
      // Left for the next tick; the work logs its own failures.
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
