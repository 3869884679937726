import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * ThrottlerGuard counts per route by default, so one client could spend the limit once on
 * every admin route. Here the key is the throttler and the client address alone: one budget
 * per client across the whole admin API.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string) {
    return `${name}-${tracker}`;
  }
}
