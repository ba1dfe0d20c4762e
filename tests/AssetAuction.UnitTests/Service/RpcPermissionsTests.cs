using AssetAuction.Service.Security;

namespace AssetAuction.UnitTests.Service;

public sealed class RpcPermissionsTests
{
    [Fact]
    public void Every_rpc_of_every_service_states_who_may_call_it()
    {
        var rpcs = RpcPermissions.Services.SelectMany(s => s.Methods.Select(m => $"/{s.FullName}/{m.Name}")).ToList();

        Assert.NotEmpty(rpcs);
        Assert.All(rpcs, rpc => Assert.True(RpcPermissions.IsListed(rpc), $"{rpc} is missing from RpcPermissions, so everyone is refused."));
        Assert.All(rpcs, rpc => Assert.All(RpcPermissions.RolesFor(rpc), role => Assert.Contains(role, Roles.All)));
    }

    [Fact]
    public void Every_service_of_the_contracts_is_governed()
    {
        var contractServices = typeof(AssetAuction.Contracts.V1.SeizureService).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.GetProperty("Descriptor")?.PropertyType == typeof(Google.Protobuf.Reflection.ServiceDescriptor))
            .Select(t => ((Google.Protobuf.Reflection.ServiceDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!).FullName)
            .ToHashSet();

        Assert.Equal(contractServices, RpcPermissions.Services.Select(s => s.FullName).ToHashSet());
    }

    [Fact]
    public void Unknown_rpcs_are_refused_to_everyone() => Assert.Empty(RpcPermissions.RolesFor("/assetauction.v1.SeizureService/DeleteEverything"));
}

/// <summary>The REST face: every unary RPC has a google.api.http route; streaming RPCs stay gRPC only.</summary>
public sealed class RestRoutesTests
{
    [Fact]
    public void Every_unary_rpc_has_an_http_route_and_no_streaming_rpc_has_one()
    {
        var methods = RpcPermissions.Services.SelectMany(s => s.Methods).ToList();
        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            var rule = method.GetOptions()?.GetExtension(Google.Api.AnnotationsExtensions.Http);
            var streaming = method.IsClientStreaming || method.IsServerStreaming;
            Assert.True(streaming ? rule is null : rule is not null, $"{method.FullName}: {(streaming ? "a stream has no REST route" : "a unary RPC needs a google.api.http route")}.");
        }
    }
}
