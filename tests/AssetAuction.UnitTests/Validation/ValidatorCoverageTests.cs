using AssetAuction.Service.Grpc;
using FluentValidation;

namespace AssetAuction.UnitTests.Validation;

/// <summary>A validator added to the service without cases here fails this test.</summary>
public sealed class ValidatorCoverageTests
{
    /// <summary>Validators of a message's parts, tested through the requests that hold them.</summary>
    private static readonly Type[] Parts =
    [
        typeof(AssetAuction.Service.Pipeline.AppraisalValidator), typeof(AssetAuction.Service.Pipeline.RoundPlanValidator), typeof(AssetAuction.Service.Seizures.PartyValidator),
        typeof(AssetAuction.Service.Seizures.NewAssetValidator), typeof(AssetAuction.Service.Statistics.ReportPeriodValidator), typeof(AssetAuction.Service.Statistics.ReportScopeValidator),
    ];

    [Fact]
    public void Every_validator_of_the_service_has_a_valid_case_and_its_broken_rules_here()
    {
        var tested = PipelineValidatorTests.Sets
            .Concat(ProceedsValidatorTests.Sets)
            .Concat(SeizureValidatorTests.Sets)
            .Concat(OrganizationValidatorTests.Sets)
            .Concat(ReportingValidatorTests.Sets)
            .Concat(ImportValidatorTests.Sets)
            .Select(s => s.ValidatorType)
            .ToHashSet();

        var untested = typeof(ProtoFieldPath).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IValidator).IsAssignableFrom(t))
            .Except(Parts)
            .Where(t => !tested.Contains(t))
            .Select(t => t.FullName);

        Assert.Empty(untested);
    }
}
