import { Injectable } from '@nestjs/common';

/** The time source of the insights views, injectable so tests can fix "now". */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
