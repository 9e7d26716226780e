import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as qq from '../src';

describeProvider(qq);
describeEndToEnd(qq);
