using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Statistics;

/// <summary>The office directory (configuration), for clients choosing a report's scope.</summary>
public sealed class ListOffices(OfficeDirectory directory)
{
    public Task<V1.ListOfficesResponse> HandleAsync(V1.ListOfficesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var offices = request.Province.Trim().Length > 0 ? directory.InProvince(request.Province) : directory.Offices;
        var response = new V1.ListOfficesResponse();
        response.Offices.Add(offices.OrderBy(o => o.Province, StringComparer.Ordinal).ThenBy(o => o.Code, StringComparer.Ordinal)
            .Select(o => new V1.Office { Code = o.Code, DisplayName = o.Name, Province = o.Province }));
        return Task.FromResult(response);
    }

    public sealed class Validator : AbstractValidator<V1.ListOfficesRequest>
    {
        public Validator() => RuleFor(r => r.Province).MaximumLength(128);
    }
}
