using System.Reflection;
using AssetAuction.Domain.Common;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// Grpc.AspNetCore parses a request body before any interceptor runs, and answers a body protobuf cannot parse
/// (random bytes, a bad wire type, invalid UTF-8 in a string) UNKNOWN "Exception was thrown by handler" with an
/// error-level stack trace. The generated code fixes the marshaller, so this replaces the package's method
/// provider with one that binds the same generated methods with a deserializer that turns any parse failure into
/// INVALID_ARGUMENT and one warning line. Everything else (routes, handler delegates, endpoint metadata) is bound
/// exactly as the package's own provider does, except that a method marked <see cref="WireAnswerAttribute"/> is
/// answered from its response's wire form.
/// </summary>
internal static class MalformedMessageGuard
{
    public const string Reason = Reasons.InvalidArgument;

    public static IServiceCollection AddMalformedMessageGuard(this IServiceCollection services)
    {
        // AddGrpc registers the package's binder provider for every service type; ours takes its place.
        // Other providers (JSON transcoding) parse bodies their own way and stay.
        var packageBinder = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType is { Name: "BinderServiceMethodProvider`1" }).ToList();
        if (packageBinder.Count != 1)
        {
            throw new InvalidOperationException("Call AddMalformedMessageGuard after AddGrpc: the gRPC package's method provider was not found.");
        }

        services.Remove(packageBinder[0]);

        // The package then logs the refusal again, with our exception's stack trace ("Error reading message.",
        // information level); the warning above and the exception interceptor's lines already say it all.
        services.AddLogging(l => l.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning));
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>));
        return services;
    }

    /// <summary>The status a malformed body gets: INVALID_ARGUMENT, with ErrorInfo, short and without the parser's internals.</summary>
    public static RpcException Malformed(string method) => new Google.Rpc.Status
    {
        Code = (int)StatusCode.InvalidArgument,
        Message = "The request body is not a valid protobuf message of the expected type; check the client's contract version.",
        Details = { Any.Pack(new ErrorInfo { Reason = Reason, Domain = ErrorMapping.ErrorDomain, Metadata = { ["method"] = method } }) },
    }.ToRpcException();

    public static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method, ILogger logger)
    {
        var parse = method.RequestMarshaller.ContextualDeserializer;
        var guarded = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return parse(context);
            }
            catch (Exception e) when (e is not RpcException and not OperationCanceledException)
            {
                // One line, no stack trace, no payload: the body is the client's mistake (or an attack), not ours.
                logger.LogWarning("{Method} received a malformed request body ({Error}); answered INVALID_ARGUMENT", method.FullName, e.GetType().Name);
                throw Malformed(method.FullName);
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, guarded, method.ResponseMarshaller);
    }
}

/// <summary>
/// Binds a generated service through its static BindService method, with guarded request marshallers; a unary
/// method marked [WireAnswer] is answered through the method it names, from the response's wire form.
/// </summary>
internal sealed class GuardedServiceMethodProvider<TService>(ILoggerFactory loggers, IHttpContextAccessor calls) : IServiceMethodProvider<TService>
    where TService : class
{
    private readonly ILogger _logger = loggers.CreateLogger("AssetAuction.Service.Grpc.MalformedMessageGuard");

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = FindBindMethod(typeof(TService));
        if (bind is null)
        {
            return;
        }

        var binder = new Binder(context, bind.GetParameters()[1].ParameterType, _logger, calls);
        bind.Invoke(null, [binder, null]);
    }

    /// <summary>The generated base class names its BindService method in [BindServiceMethod].</summary>
    private static MethodInfo? FindBindMethod(System.Type service)
    {
        for (var type = service; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                return attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ServiceBinderBase), type]);
            }
        }

        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, System.Type declaringType, ILogger logger, IHttpContextAccessor calls) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Resolve<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, [typeof(TRequest), typeof(ServerCallContext)]);
            if (metadata.OfType<WireAnswerAttribute>().SingleOrDefault() is { } wire)
            {
                // The same route, request parser and metadata; the answer is written from its wire form.
                var answer = WireAnswerOf<TRequest>(wire.Method);
                var wireMethod = new Method<TRequest, WireResponse>(method.Type, method.ServiceName, method.Name, method.RequestMarshaller, WireResponse.Marshaller);
                context.AddUnaryMethod(MalformedMessageGuard.Guard(wireMethod, logger), metadata, answer);
                return;
            }

            // A response whose bytes the service already holds (a mutation's, a replay's) is written as they are.
            var answered = new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, method.RequestMarshaller, SerializedResponses.Writing(method.ResponseMarshaller, calls));
            context.AddUnaryMethod(MalformedMessageGuard.Guard(answered, logger), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Resolve<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
            context.AddServerStreamingMethod(MalformedMessageGuard.Guard(method, logger), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Resolve<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)]);
            context.AddClientStreamingMethod(MalformedMessageGuard.Guard(method, logger), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Resolve<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
            context.AddDuplexStreamingMethod(MalformedMessageGuard.Guard(method, logger), metadata, invoker);
        }

        /// <summary>The service's override of the generated virtual method, and its endpoint metadata (class attributes first, then the method's, then POST only).</summary>
        private (TDelegate Invoker, List<object> Metadata) Resolve<TDelegate>(string name, System.Type[] parameters)
            where TDelegate : Delegate
        {
            var implementation = FindOverride(name, parameters)
                ?? throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(implementation.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), implementation), metadata);
        }

        /// <summary>The service's method named by a [WireAnswer]: same request, the response in its wire form.</summary>
        private static UnaryServerMethod<TService, TRequest, WireResponse> WireAnswerOf<TRequest>(string name)
            where TRequest : class
        {
            var answer = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, binder: null, [typeof(TRequest), typeof(ServerCallContext)], modifiers: null);
            return answer is not null && answer.ReturnType == typeof(Task<WireResponse>)
                ? (UnaryServerMethod<TService, TRequest, WireResponse>)Delegate.CreateDelegate(typeof(UnaryServerMethod<TService, TRequest, WireResponse>), answer)
                : throw new InvalidOperationException($"{typeof(TService)} has no public 'Task<WireResponse> {name}({typeof(TRequest).Name}, ServerCallContext)' named by [WireAnswer].");
        }

        private MethodInfo? FindOverride(string name, System.Type[] parameters)
        {
            for (var type = typeof(TService); type is not null; type = type.BaseType)
            {
                var candidate = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, binder: null, parameters, modifiers: null);
                if (candidate is null)
                {
                    return null;
                }

                // A method that merely hides the generated one (new, not override) is not the handler.
                if (candidate.IsVirtual && candidate.GetBaseDefinition().DeclaringType == declaringType)
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
