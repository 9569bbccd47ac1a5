"""template.yaml as CloudFormation, the way `sam package` and then CloudFormation's SAM transform make it.

Local artifacts are replaced by what `sam package` uploads (an S3 URI per zip, an ECR image URI per image
function), then aws-sam-translator expands the AWS::Serverless resources. Usage: sam_transform.py TEMPLATE
(prints the CloudFormation JSON).
"""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names no managed policies by name, so there is nothing to look up in IAM."""

    def load(self):
        return {}


def packaged(template):
    for name, resource in template.get("Resources", {}).items():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        properties = resource.setdefault("Properties", {})
        if properties.get("PackageType") == "Image":
            properties["ImageUri"] = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ocrchat:" + name
        elif isinstance(properties.get("CodeUri"), str) and not properties["CodeUri"].startswith("s3://"):
            properties["CodeUri"] = "s3://ocrchat-artifacts/" + os.path.basename(properties["CodeUri"])
    return template


if __name__ == "__main__":
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with open(sys.argv[1]) as source:
        print(json.dumps(transform(packaged(yaml_parse(source.read())), {}, NoManagedPolicies()), indent=1))
