import { Injectable, PipeTransform } from '@nestjs/common';

import { appNotFound } from './admin-principal';
import { AppsRepository } from './apps.repository';

/**
 * Passes an app id through when the app exists, else throws the 404 `not_found`. It runs after
 * AdminAuthGuard, which has already answered 404 to an app key asking about another app, so
 * every admin route answers an unknown id and a foreign id alike.
 */
@Injectable()
export class AppExistsPipe implements PipeTransform<string, Promise<string>> {
  constructor(private readonly apps: AppsRepository) {}

  async transform(id: string): Promise<string> {
    if (!(await this.apps.findById(id))) throw appNotFound(id);

    return id;
  }
}
