import { createHmac } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { FilesController, FILE_URL_SECRET } from './files.controller.js';
import { LocalFileStorage } from './local-storage.js';
import { S3FileStorage } from './s3-storage.js';

/** Ticket Storage: an S3-compatible bucket when configured, else a local directory served through signed links. */
@Global()
@Module({
  controllers: [FilesController],
  providers: [
    {
      provide: FILE_URL_SECRET,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Buffer =>
        createHmac('sha256', config.ticketSigningSecret).update('file-links').digest(),
    },
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG, FILE_URL_SECRET],
      useFactory: (config: AppConfig, secret: Buffer): FileStorage =>
        config.storage.s3
          ? new S3FileStorage({ ...config.storage.s3, endpoint: config.storage.s3.endpoint ?? undefined })
          : new LocalFileStorage(config.storage.dir, secret, config.publicUrl),
    },
  ],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
