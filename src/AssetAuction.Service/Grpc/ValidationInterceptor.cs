using AssetAuction.Service.Requests;
using FluentValidation;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AssetAuction.Service.Grpc;

/// <summary>Runs the request's FluentValidation validator, if it has one, before the handler.</summary>
internal sealed class ValidationInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await ValidateAsync(request, context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await ValidateAsync(request, context);
        await continuation(request, responseStream, context);
    }

    private static async Task ValidateAsync<TRequest>(TRequest request, ServerCallContext context)
    {
        // Counts first: an oversized repeated field is refused before any element is looked at.
        if (request is IMessage message && RepeatedFieldLimit.Check(message) is { Count: > 0 } tooMany)
        {
            throw new RequestValidationException(tooMany);
        }

        // Looked up per call: the request type is this method's type argument, known only when the call arrives.
        if (context.GetHttpContext().RequestServices.GetService<IValidator<TRequest>>() is not { } validator)
        {
            return;
        }

        var result = await RequestValidation.ValidateAsync(validator, request, context.CancellationToken);
        if (result.IsValid)
        {
            return;
        }

        var descriptor = (request as IMessage)?.Descriptor;
        var violations = result.Errors
            .Take(RequestValidationException.MaxViolations)
            .Select(e => new FieldViolation(descriptor is null ? e.PropertyName : ProtoFieldPath.FromPropertyPath(descriptor, e.PropertyName), e.ErrorMessage))
            .ToList();
        throw new RequestValidationException(violations, result.Errors.Count);
    }
}
