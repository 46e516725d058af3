package dev.dbplane.harness;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Harness's {@code DBSchemaOut}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SchemaResponse(String identifier, String name, Map<String, String> tags, Changelog changelog,
		ChangeLogScript changeLogScript, String service, long instanceCount, String schemaSourceType, SchemaType type,
		MigrationType migrationType, boolean usePercona, String parentId, String primaryDbInstanceId, long created,
		long updated) {

	static SchemaResponse from(DbSchema schema, long instanceCount) {
		var script = schema.getType() == SchemaType.Script;
		return new SchemaResponse(schema.getIdentifier(), schema.getName(), schema.getTags(),
				script ? null : Changelog.from(schema.getChangelog()),
				script ? ChangeLogScript.from(schema.getChangeLogScript()) : null, schema.getService(), instanceCount,
				schema.sourceType(), schema.getType(), schema.getMigrationType(), schema.isUsePercona(),
				schema.parentId(), schema.getPrimaryDbInstanceId(), schema.getCreatedAt().getEpochSecond(),
				schema.getUpdatedAt().getEpochSecond());
	}

}
