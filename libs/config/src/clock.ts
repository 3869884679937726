import { Injectable } from '@nestjs/common';

/** The time source of both apps, injectable so tests can fix "now". */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
