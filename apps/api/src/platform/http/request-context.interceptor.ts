import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { requestContext } from '../logging/logger.js';

/** Runs the handler inside the request's context, so service logs carry the request id. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = ctx.switchToHttp().getRequest<{ id: string }>();
    return new Observable((subscriber) =>
      requestContext.run({ requestId: String(request.id) }, () => next.handle().subscribe(subscriber)),
    );
  }
}
