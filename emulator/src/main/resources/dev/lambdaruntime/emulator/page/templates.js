// Example events, shortened from what AWS services send, for the page's template picker.
'use strict';

const EVENT_TEMPLATES = Object.freeze([
	{
		id: 'string',
		label: 'A JSON string',
		event: 'hello'
	},
	{
		id: 'apigateway-rest',
		label: 'API Gateway REST API (proxy)',
		event: {
			resource: '/orders/{id}',
			path: '/orders/42',
			httpMethod: 'GET',
			headers: { Accept: 'application/json', Host: 'abc123.execute-api.us-east-1.amazonaws.com' },
			multiValueHeaders: { Accept: ['application/json'] },
			queryStringParameters: { expand: 'items' },
			multiValueQueryStringParameters: { expand: ['items'] },
			pathParameters: { id: '42' },
			stageVariables: null,
			requestContext: {
				accountId: '123456789012',
				apiId: 'abc123',
				resourceId: 'a1b2c3',
				resourcePath: '/orders/{id}',
				httpMethod: 'GET',
				path: '/prod/orders/42',
				protocol: 'HTTP/1.1',
				stage: 'prod',
				requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
				requestTimeEpoch: 1767225600000,
				identity: { sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' }
			},
			body: null,
			isBase64Encoded: false
		}
	},
	{
		id: 'apigateway-http',
		label: 'API Gateway HTTP API (payload 2.0)',
		event: {
			version: '2.0',
			routeKey: 'POST /orders',
			rawPath: '/orders',
			rawQueryString: 'dryRun=false',
			cookies: ['session=abc'],
			headers: { 'content-type': 'application/json', host: 'abc123.execute-api.us-east-1.amazonaws.com' },
			queryStringParameters: { dryRun: 'false' },
			requestContext: {
				accountId: '123456789012',
				apiId: 'abc123',
				domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
				domainPrefix: 'abc123',
				http: {
					method: 'POST',
					path: '/orders',
					protocol: 'HTTP/1.1',
					sourceIp: '203.0.113.10',
					userAgent: 'curl/8.5.0'
				},
				requestId: 'JKJaXmPLvHcESHA=',
				routeKey: 'POST /orders',
				stage: '$default',
				time: '01/Jan/2026:00:00:00 +0000',
				timeEpoch: 1767225600000
			},
			body: '{"item":"book","quantity":1}',
			isBase64Encoded: false
		}
	},
	{
		id: 'sqs',
		label: 'SQS message',
		event: {
			Records: [
				{
					messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
					receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
					body: 'Order 42 was paid',
					attributes: {
						ApproximateReceiveCount: '1',
						SentTimestamp: '1767225600000',
						SenderId: 'AIDAIENQZJOLO23YVJ4VO',
						ApproximateFirstReceiveTimestamp: '1767225600001'
					},
					messageAttributes: {},
					md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
					eventSource: 'aws:sqs',
					eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders',
					awsRegion: 'us-east-1'
				}
			]
		}
	},
	{
		id: 'sns',
		label: 'SNS notification',
		event: {
			Records: [
				{
					EventSource: 'aws:sns',
					EventVersion: '1.0',
					EventSubscriptionArn: 'arn:aws:sns:us-east-1:123456789012:orders:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55',
					Sns: {
						Type: 'Notification',
						MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
						TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders',
						Subject: 'Order paid',
						Message: 'Order 42 was paid',
						Timestamp: '2026-01-01T00:00:00.000Z',
						SignatureVersion: '1',
						Signature: 'EXAMPLE',
						SigningCertUrl: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000.pem',
						UnsubscribeUrl: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe',
						MessageAttributes: {}
					}
				}
			]
		}
	},
	{
		id: 's3',
		label: 'S3 object created',
		event: {
			Records: [
				{
					eventVersion: '2.1',
					eventSource: 'aws:s3',
					awsRegion: 'us-east-1',
					eventTime: '2026-01-01T00:00:00.000Z',
					eventName: 'ObjectCreated:Put',
					userIdentity: { principalId: 'AWS:AIDAINPONIXQXHT3IKHL2' },
					requestParameters: { sourceIPAddress: '203.0.113.10' },
					responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
					s3: {
						s3SchemaVersion: '1.0',
						configurationId: 'new-invoices',
						bucket: {
							name: 'invoices',
							ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
							arn: 'arn:aws:s3:::invoices'
						},
						object: {
							key: '2026/01/invoice-42.pdf',
							size: 1024,
							eTag: 'd41d8cd98f00b204e9800998ecf8427e',
							sequencer: '0A1B2C3D4E5F678901'
						}
					}
				}
			]
		}
	},
	{
		id: 'eventbridge-scheduled',
		label: 'EventBridge scheduled event',
		event: {
			version: '0',
			id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
			'detail-type': 'Scheduled Event',
			source: 'aws.events',
			account: '123456789012',
			time: '2026-01-01T00:00:00Z',
			region: 'us-east-1',
			resources: ['arn:aws:events:us-east-1:123456789012:rule/nightly-report'],
			detail: {}
		}
	},
	{
		id: 'dynamodb-stream',
		label: 'DynamoDB stream record',
		event: {
			Records: [
				{
					eventID: 'c4ca4238a0b923820dcc509a6f75849b',
					eventName: 'INSERT',
					eventVersion: '1.1',
					eventSource: 'aws:dynamodb',
					awsRegion: 'us-east-1',
					dynamodb: {
						ApproximateCreationDateTime: 1767225600,
						Keys: { Id: { N: '42' } },
						NewImage: { Id: { N: '42' }, Status: { S: 'PAID' } },
						SequenceNumber: '4421584500000000017450439091',
						SizeBytes: 26,
						StreamViewType: 'NEW_AND_OLD_IMAGES'
					},
					eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000'
				}
			]
		}
	}
]);
