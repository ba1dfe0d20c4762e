using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;

namespace AssetAuction.UnitTests.Service;

public sealed class ProtoFieldPathTests
{
    [Theory]
    [InlineData("Assets[0].LandUseRight.AreaM2", "assets[0].land_use_right.area_m2")]
    [InlineData("EnforcementCase.DecisionDate", "enforcement_case.decision_date")]
    [InlineData("Assets[2].Owners[1].ShareNumerator", "assets[2].owners[1].share_numerator")]
    [InlineData("Assets[0].details", "assets[0].details")]
    [InlineData("RequestId", "request_id")]
    public void Property_paths_become_proto_field_paths(string property, string field) =>
        Assert.Equal(field, ProtoFieldPath.FromPropertyPath(RegisterSeizureRequest.Descriptor, property));
}
