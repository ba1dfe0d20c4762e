using System.Reflection;
using AssetAuction.IntegrationTests.Infrastructure;
using FluentValidation;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// Every area registers its own pieces (AddSeizures, AddPipeline ...): the real host's container must build each
/// handler, gRPC service and validator the service assembly holds, found by reflection, so a handler added to a
/// folder without its registration fails here rather than on its first call.
/// </summary>
public sealed class ContainerTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static readonly Type[] ServiceTypes = [.. typeof(Program).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })];

    [Fact]
    public void Every_handler_and_grpc_service_resolves_in_a_request_scope()
    {
        var handlers = ServiceTypes.Where(t => t.GetMethod("HandleAsync", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly) is not null).ToList();
        var grpcServices = ServiceTypes.Where(t => t.BaseType?.GetCustomAttribute<BindServiceMethodAttribute>() is not null).ToList();
        Assert.True(handlers.Count > 50, $"Only {handlers.Count} handlers found: the discovery no longer finds them.");
        Assert.Equal(9, grpcServices.Count);

        using var scope = service.Services.CreateScope();
        var failures = handlers.Concat(grpcServices).Select(t => Problem(() => scope.ServiceProvider.GetService(t), t)).OfType<string>().ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_validator_is_the_one_the_container_gives_for_its_request()
    {
        var validators = ServiceTypes.Select(t => (Type: t, Validates: Validated(t))).Where(v => v.Validates is not null).ToList();
        Assert.True(validators.Count > 50, $"Only {validators.Count} validators found: the discovery no longer finds them.");

        using var scope = service.Services.CreateScope();
        var failures = validators.Select(v => Problem(
            () => scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(v.Validates!)).SingleOrDefault(r => r?.GetType() == v.Type),
            v.Type)).OfType<string>().ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The T of AbstractValidator&lt;T&gt; that <paramref name="type"/> derives from, or null.</summary>
    private static Type? Validated(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static string? Problem(Func<object?> resolve, Type type)
    {
        try
        {
            return resolve() is null ? $"{type.FullName} is not registered." : null;
        }
        catch (InvalidOperationException e)
        {
            return $"{type.FullName} cannot be built: {e.Message}";
        }
    }
}
