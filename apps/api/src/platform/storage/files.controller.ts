import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators.js';
import { DomainError } from '../http/domain-error.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { verifyFileSignature } from './local-storage.js';

export const FILE_URL_SECRET = Symbol('FILE_URL_SECRET');

/**
 * The local store's signed links (`/api/files/<key>?expires=&sig=`): anyone holding an unexpired,
 * unaltered link gets the file, with cache headers a CDN can keep until the link expires.
 */
@ApiExcludeController()
@Controller('files')
export class FilesController {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(FILE_URL_SECRET) private readonly secret: Buffer,
  ) {}

  // Keys are <kind>/<owner>/<item>/<file> (tickets/<event>/<ticket>/<stamp>-a4.pdf).
  @Get(':kind/:owner/:item/:file')
  @Public()
  async get(
    @Param() params: { kind: string; owner: string; item: string; file: string },
    @Query('expires') expires: string | undefined,
    @Query('sig') sig: string | undefined,
    @Query('filename') filename: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const key = [params.kind, params.owner, params.item, params.file].join('/');
    const verdict = verifyFileSignature(this.secret, key, Number(expires), String(sig ?? ''), filename);
    if (verdict === 'expired')
      throw new DomainError('forbidden', 'LINK_EXPIRED', 'This link has expired; ask for a new one.');
    if (verdict !== 'ok') throw new DomainError('forbidden', 'LINK_INVALID', 'This link is not valid.');
    const file = await this.storage.get(key).catch(() => null);
    if (!file) throw new DomainError('not_found', 'FILE_NOT_FOUND', 'No such file.');
    const maxAge = Math.max(0, Number(expires) - Math.floor(Date.now() / 1000));
    void reply
      .header('content-type', file.contentType)
      .header('cache-control', `public, max-age=${maxAge}, immutable`)
      .header(
        'content-disposition',
        `inline${filename ? `; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"` : ''}`,
      )
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  }
}
